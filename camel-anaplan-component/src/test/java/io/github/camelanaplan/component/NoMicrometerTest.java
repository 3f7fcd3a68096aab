package io.github.camelanaplan.component;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Micrometer is an optional dependency: the component must load, start, serve requests, answer its health check and
 * its dev console with no Micrometer class anywhere. Runs {@link NoMicrometerProbe} in a class loader built from the
 * test class path without the Micrometer jars.
 */
class NoMicrometerTest {

    @Test
    void theComponentWorksWithoutMicrometer() throws Exception {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        URL[] urls = Arrays.stream(classPath.split(File.pathSeparator))
                .filter(entry -> !entry.isBlank() && !entry.contains("micrometer"))
                .map(entry -> {
                    try {
                        return Path.of(entry).toUri().toURL();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }).toArray(URL[]::new);
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader())) {
            assertThatThrownBy(() -> loader.loadClass("io.micrometer.core.instrument.MeterRegistry"))
                    .isInstanceOf(ClassNotFoundException.class);
            Thread.currentThread().setContextClassLoader(loader);
            Object answer = loader.loadClass(NoMicrometerProbe.class.getName()).getMethod("run").invoke(null);
            assertThat(answer).isEqualTo("workspaces=1 health=UP console=true metrics=false");
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }
}
