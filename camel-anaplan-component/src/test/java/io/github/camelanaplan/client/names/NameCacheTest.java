package io.github.camelanaplan.client.names;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.github.camelanaplan.client.error.AnaplanNameException;
import org.junit.jupiter.api.Test;

class NameCacheTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final NameCache cache = new NameCache(now::get);
    private final AtomicInteger listings = new AtomicInteger();
    private final List<Named> server = new ArrayList<>(List.of(new Named("101000000001", "Employees", "list")));

    private final Supplier<List<Named>> loader = () -> {
        listings.incrementAndGet();
        return List.copyOf(server);
    };

    private static final Duration TTL = Duration.ofMinutes(10);

    @Test
    void keptListingServesUntilItIsOlderThanTheTtl() {
        assertThat(cache.find("lists|m", "list", "Employees", TTL, loader).id()).isEqualTo("101000000001");
        now.addAndGet(TTL.toNanos() - 1);
        assertThat(cache.find("lists|m", "list", "Employees", TTL, loader).id()).isEqualTo("101000000001");
        assertThat(listings).hasValue(1);
        now.addAndGet(1);
        cache.find("lists|m", "list", "Employees", TTL, loader);
        assertThat(listings).hasValue(2);
    }

    @Test
    void zeroTtlListsEveryTime() {
        cache.find("lists|m", "list", "Employees", Duration.ZERO, loader);
        cache.find("lists|m", "list", "Employees", Duration.ZERO, loader);
        assertThat(listings).hasValue(2);
    }

    @Test
    void keysAreSeparate() {
        cache.find("lists|m1", "list", "Employees", TTL, loader);
        cache.find("lists|m2", "list", "Employees", TTL, loader);
        assertThat(listings).hasValue(2);
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void aNameMissingFromAKeptListingIsLookedUpOnceMoreInAFreshOne() {
        cache.find("lists|m", "list", "Employees", TTL, loader);
        server.add(new Named("101000000002", "Products", "list")); // created after the listing was kept
        assertThat(cache.find("lists|m", "list", "Products", TTL, loader).id()).isEqualTo("101000000002");
        assertThat(listings).hasValue(2);
        // and the fresh listing is kept
        cache.find("lists|m", "list", "Products", TTL, loader);
        assertThat(listings).hasValue(2);
    }

    @Test
    void aNameMissingFromAFreshListingFailsWithoutListingAgain() {
        assertThatThrownBy(() -> cache.find("lists|m", "list", "employees", TTL, loader))
                .isInstanceOf(AnaplanNameException.class)
                .hasMessage("No list is named 'employees'; close candidates: list 'Employees' (101000000001)");
        assertThat(listings).hasValue(1);
    }

    @Test
    void severalListingsAreOneNamespace() {
        List<Named> imports = List.of(new Named("112000000001", "Load", "import"));
        List<Named> processes = List.of(new Named("118000000001", "Load", "process"));
        assertThatThrownBy(() -> cache.find(List.of("IMPORT|m", "PROCESS|m"), "import or process", "Load", TTL,
                key -> () -> key.startsWith("IMPORT") ? imports : processes))
                .isInstanceOf(AnaplanNameException.class)
                .hasMessageContaining("matches 2 objects: import 'Load' (112000000001), process 'Load' (118000000001)");
    }

    @Test
    void clearForgets() {
        cache.find("lists|m", "list", "Employees", TTL, loader);
        cache.clear();
        cache.find("lists|m", "list", "Employees", TTL, loader);
        assertThat(listings).hasValue(2);
    }
}
