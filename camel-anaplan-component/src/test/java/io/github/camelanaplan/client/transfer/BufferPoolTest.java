package io.github.camelanaplan.client.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Raw chunk buffers: bounded per upload, handed on to the next upload through the engine's spares. */
class BufferPoolTest {

    @Test
    void theNextUploadTakesTheBuffersTheLastOneGaveBackAndMakesNone() {
        BlockRecycler spares = new BlockRecycler(100, 2);
        BufferPool first = new BufferPool(2, 100, spares);
        byte[] a = first.acquire();
        byte[] b = first.acquire();
        first.release(a);
        first.release(b);
        first.close();
        assertThat(spares.created()).isEqualTo(2);

        BufferPool second = new BufferPool(2, 100, spares);
        byte[] c = second.acquire();
        byte[] d = second.acquire();
        assertThat(spares.created()).as("no buffer made by the second upload").isEqualTo(2);
        assertThat(new Object[] {c, d}).containsExactlyInAnyOrder(a, b);
        assertThat(second.created()).isEqualTo(2);
    }

    @Test
    void withoutSparesEveryPoolMakesItsOwnAndCloseDropsThem() {
        BufferPool pool = new BufferPool(1, 10);
        byte[] a = pool.acquire();
        assertThat(a).hasSize(10);
        pool.release(a);
        assertThat(pool.acquire()).isSameAs(a);
        pool.close();
        assertThat(pool.created()).isEqualTo(1);
    }
}
