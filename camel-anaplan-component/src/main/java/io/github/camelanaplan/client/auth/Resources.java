package io.github.camelanaplan.client.auth;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Resolves the value of a key-material option: a {@code file:} resource (absolute, or relative to the working
 * directory), a {@code classpath:} resource, or the content itself. Messages name the option and the resource, never
 * inline content.
 */
final class Resources {

    static final String FILE = "file:";
    static final String CLASSPATH = "classpath:";

    private Resources() {
    }

    /** The resolved bytes of an option value. */
    static final class Loaded {
        final String option;
        final byte[] bytes;
        /** The resource as configured, or null when the value was the content itself. */
        final String resource;

        Loaded(String option, byte[] bytes, String resource) {
            this.option = option;
            this.bytes = bytes;
            this.resource = resource;
        }

        boolean inline() {
            return resource == null;
        }

        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        /** How to name the source in a message: the resource, or nothing for inline content. */
        String where() {
            return resource == null ? "" : " (" + resource + ")";
        }
    }

    static boolean isResource(String value) {
        String v = value.trim();
        return v.regionMatches(true, 0, FILE, 0, FILE.length())
               || v.regionMatches(true, 0, CLASSPATH, 0, CLASSPATH.length());
    }

    /** Loads a resource, or takes the value as content. */
    static Loaded load(String option, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(option + " is not set");
        }
        String v = value.trim();
        if (v.regionMatches(true, 0, FILE, 0, FILE.length())) {
            return new Loaded(option, readFile(option, v), v);
        }
        if (v.regionMatches(true, 0, CLASSPATH, 0, CLASSPATH.length())) {
            return new Loaded(option, readClasspath(option, v), v);
        }
        return new Loaded(option, value.getBytes(StandardCharsets.UTF_8), null);
    }

    /** Loads a value that must be a resource (a keystore); a bare path is taken as a file. */
    static Loaded loadBinary(String option, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(option + " is not set");
        }
        if (isResource(value)) {
            return load(option, value);
        }
        String v = value.trim();
        if (v.contains("\n") || v.length() > 4096) {
            throw new IllegalArgumentException(option + ": expected a file: or classpath: resource");
        }
        return new Loaded(option, readFile(option, FILE + v), v);
    }

    private static byte[] readFile(String option, String resource) {
        Path path = pathOf(option, resource);
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException(option + ": " + resource + " not found");
        }
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new IllegalArgumentException(option + ": cannot read " + resource + " (" + e.getClass().getSimpleName()
                                               + ")", e);
        }
    }

    private static Path pathOf(String option, String resource) {
        String p = resource.substring(FILE.length());
        if (p.isEmpty()) {
            throw new IllegalArgumentException(option + ": " + resource + " names no file");
        }
        try {
            if (p.startsWith("//")) {
                try {
                    return Paths.get(URI.create(resource.replace('\\', '/')));
                } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
                    return Paths.get(p);
                }
            }
            return Paths.get(p);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(option + ": " + resource + " is not a valid path");
        }
    }

    private static byte[] readClasspath(String option, String resource) {
        String name = resource.substring(CLASSPATH.length());
        while (name.startsWith("/")) {
            name = name.substring(1);
        }
        if (name.isEmpty()) {
            throw new IllegalArgumentException(option + ": " + resource + " names no resource");
        }
        InputStream in = null;
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context != null) {
            in = context.getResourceAsStream(name);
        }
        if (in == null) {
            ClassLoader own = Resources.class.getClassLoader();
            in = own != null ? own.getResourceAsStream(name) : ClassLoader.getSystemResourceAsStream(name);
        }
        if (in == null) {
            throw new IllegalArgumentException(option + ": " + resource + " not found");
        }
        try (InputStream stream = in) {
            return stream.readAllBytes();
        } catch (IOException e) {
            throw new IllegalArgumentException(option + ": cannot read " + resource + " (" + e.getClass().getSimpleName()
                                               + ")", e);
        }
    }
}
