package io.github.camelanaplan.client.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UploadOptionsTest {

    @Test
    void validatesEachValueNamingItsOption() {
        assertThatThrownBy(() -> new UploadOptions(999_999, 6, true, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("uploadChunkSize").hasMessageContaining("999999");
        assertThatThrownBy(() -> new UploadOptions(50_000_001, 6, true, 2)).hasMessageContaining("uploadChunkSize");
        assertThatThrownBy(() -> new UploadOptions(1_000_000, 0, true, 2)).hasMessageContaining("compressionLevel");
        assertThatThrownBy(() -> new UploadOptions(1_000_000, 10, true, 2)).hasMessageContaining("compressionLevel");
        assertThatThrownBy(() -> new UploadOptions(1_000_000, 6, true, 0)).hasMessageContaining("uploadParallelism");
        assertThat(new UploadOptions(1_000_000, 1, true, 1).chunkSize()).isEqualTo(1_000_000);
        assertThat(new UploadOptions(50_000_000, 9, true, 1).compressionLevel()).isEqualTo(9);
    }

    @Test
    void oneChunkInFlightWhenNotParallel() {
        assertThat(new UploadOptions(1_000_000, 6, false, 8).inFlight()).isEqualTo(1);
        assertThat(new UploadOptions(1_000_000, 6, true, 8).inFlight()).isEqualTo(8);
        UploadOptions defaults = UploadOptions.defaults();
        assertThat(defaults.chunkSize()).isEqualTo(25_000_000);
        assertThat(defaults.compressionLevel()).isEqualTo(6);
        assertThat(defaults.parallelism()).isGreaterThanOrEqualTo(2);
    }
}
