package io.github.camelanaplan.client.http;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The paging rules of a listing (anaplan-api §2.3, Audit §8): which offset to ask next, and when a page's claims
 * contradict what it holds. A page must be the one asked for ({@code offset}), hold as many items as it says
 * ({@code currentPageSize}), stay within {@code totalSize}, and advance whenever it announces more ({@code next},
 * {@code nextOffset}, or {@code totalSize} beyond what was read): a listing can neither loop nor silently end short.
 */
public final class Paging {

    private Paging() {
    }

    /** What a page's {@code meta.paging} claims; null where it claims nothing. */
    public record Claims(Long offset, Long currentPageSize, Long totalSize, Long nextOffset, boolean nextLink) {

        public static final Claims NONE = new Claims(null, null, null, null, false);

        /**
         * Reads {@code meta.paging} of an answer (Audit spells it {@code offSet} and adds {@code nextOffset} and
         * {@code nextUrl}).
         *
         * @throws Violation when a known field is not a whole number
         */
        public static Claims of(JsonNode paging) {
            if (paging == null || paging.isMissingNode() || paging.isNull()) {
                return NONE;
            }
            if (!paging.isObject()) {
                throw new Violation("meta.paging", "is not an object");
            }
            Long offset = number(paging, "offset");
            if (offset == null) {
                offset = number(paging, "offSet");
            }
            boolean link = paging.hasNonNull("next") || paging.hasNonNull("nextUrl");
            return new Claims(offset, number(paging, "currentPageSize"), number(paging, "totalSize"),
                    number(paging, "nextOffset"), link);
        }

        private static Long number(JsonNode paging, String field) {
            JsonNode value = paging.get(field);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < 0) {
                throw new Violation("meta.paging." + field, "is " + (value.isNumber() ? "not a whole number of 0 or more"
                        : JsonAnswer.describe(value) + ", not a number"));
            }
            return value.asLong();
        }
    }

    /** A page whose claims break the rules: the field at fault and what is wrong. */
    public static final class Violation extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String field;

        public Violation(String field, String problem) {
            super(problem, null, false, false);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    /**
     * The offset of the next page, or -1 when the listing is complete.
     *
     * @param offset   the offset this page was asked for
     * @param received the items the page holds
     * @param claims   what the page says about itself
     * @throws Violation when the claims contradict the page or the listing would not advance
     */
    public static long next(long offset, int received, Claims claims) {
        long reached = offset + received;
        if (claims.offset() != null && claims.offset() != offset) {
            throw new Violation("meta.paging.offset", "is " + claims.offset() + ", but the page at offset " + offset
                                                      + " was asked for");
        }
        if (claims.currentPageSize() != null && claims.currentPageSize() != received) {
            throw new Violation("meta.paging.currentPageSize", "is " + claims.currentPageSize() + ", but the page holds "
                                                               + received + " items");
        }
        if (claims.totalSize() != null && reached > claims.totalSize()) {
            throw new Violation("meta.paging.totalSize", "is " + claims.totalSize() + ", but the listing reached "
                                                         + reached + " items");
        }
        if (claims.nextOffset() != null && claims.nextOffset() != reached) {
            throw new Violation("meta.paging.nextOffset", "is " + claims.nextOffset() + ", but the page at offset "
                                                          + offset + " holds " + received + " items (next is " + reached
                                                          + (claims.nextOffset() <= offset ? "): the listing does not advance"
                    : ")"));
        }
        boolean more = claims.nextLink() || claims.nextOffset() != null
                       || claims.totalSize() != null && reached < claims.totalSize();
        if (!more) {
            return -1;
        }
        if (received == 0) {
            String field = claims.totalSize() != null && reached < claims.totalSize() ? "meta.paging.totalSize"
                    : claims.nextLink() ? "meta.paging.next" : "meta.paging.nextOffset";
            throw new Violation(field, "announces more items, but the page at offset " + offset
                                       + " holds none: the listing does not advance");
        }
        return reached;
    }

    /**
     * Every item of a paged collection: asks {@code first}, then {@code first} with {@code offset} set, until the
     * pages say the listing is complete. Items are read as {@code type} ({@link JsonNode} for untyped).
     *
     * @param fetch sends a page request and returns its answer
     * @throws io.github.camelanaplan.client.error.AnaplanProtocolException naming the request and the field when a
     *                                                                      page breaks the rules
     */
    public static <T> List<T> readAll(ApiRequest first, String key, Class<T> type,
                                      Function<ApiRequest, JsonAnswer> fetch) {
        List<T> items = new ArrayList<>();
        long offset = 0;
        while (true) {
            ApiRequest request = offset == 0 ? first : first.toBuilder().query("offset", offset).build();
            JsonAnswer page = fetch.apply(request);
            List<T> received = page.list(key, type);
            items.addAll(received);
            long next;
            try {
                next = next(offset, received.size(), Claims.of(page.node("meta.paging")));
            } catch (Violation v) {
                throw page.violation(v.field(), v.getMessage());
            }
            if (next < 0) {
                return items;
            }
            offset = next;
        }
    }
}
