package io.github.camelanaplan.client.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * 1 GiB streamed through a JVM limited to 128 MB of heap (8 MB chunks, 4 in flight): the upload only works if its
 * memory stays bounded whatever the size. Runs {@link LargeUploadMain} in a child JVM, since the heap limit of this
 * one cannot be set from a test.
 */
class UploadMemoryBoundTest {

    @Test
    void oneGibibyteGoesThroughA128MegabyteHeap() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(List.of(java, "-Xmx128m", "-cp",
                System.getProperty("java.class.path"), LargeUploadMain.class.getName(), String.valueOf(1L << 30),
                "8000000", "4", "1"))
                .redirectErrorStream(true)
                .start();
        boolean finished = child.waitFor(120, TimeUnit.SECONDS);
        if (!finished) {
            child.destroyForcibly();
        }
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        System.out.println(output.trim());
        assertThat(finished).as("finished within 2 minutes").isTrue();
        assertThat(child.exitValue()).as(output).isZero();
        assertThat(output).contains("uploaded=1073741824");
        Matcher heap = Pattern.compile("maxHeapMb=(\\d+)").matcher(output);
        assertThat(heap.find()).isTrue();
        assertThat(Integer.parseInt(heap.group(1))).isLessThanOrEqualTo(128);
    }
}
