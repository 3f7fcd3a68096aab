package io.github.camelanaplan.client.transfer;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rule a chunk list must keep before a download trusts it: ids are unique and, when numeric (as Anaplan numbers
 * them), exactly 0 to n-1; and n is the chunk count the content's metadata claims, when it claims one.
 */
final class ChunkList {

    private ChunkList() {
    }

    /**
     * @param sortedIds      the listed ids, numeric ones first in numeric order
     * @param expectedChunks the metadata's chunk count, or null (or negative: "not known yet") when there is none
     * @return what is wrong with the list, in words, or null when nothing is
     */
    static String problem(List<String> sortedIds, Integer expectedChunks) {
        Set<String> seen = new HashSet<>();
        for (String id : sortedIds) {
            if (!seen.add(id)) {
                return "lists chunk " + id + " twice";
            }
        }
        boolean numeric = sortedIds.stream().allMatch(ChunkList::isNumber);
        if (numeric) {
            for (int i = 0; i < sortedIds.size(); i++) {
                if (Long.parseLong(sortedIds.get(i)) != i) {
                    return "skips chunk " + i + " (ids " + abbreviate(sortedIds) + ")";
                }
            }
        }
        if (expectedChunks != null && expectedChunks >= 0 && expectedChunks != sortedIds.size()) {
            return "lists " + sortedIds.size() + " chunks, but the file's chunkCount is " + expectedChunks
                   + " (a listing can lag just after the file was deleted or replaced: download again if it was)";
        }
        return null;
    }

    private static boolean isNumber(String id) {
        if (id.isEmpty() || id.length() > 9) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            if (id.charAt(i) < '0' || id.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static String abbreviate(List<String> ids) {
        return ids.size() <= 8 ? String.join(", ", ids)
                : String.join(", ", ids.subList(0, 4)) + ", …, " + String.join(", ", ids.subList(ids.size() - 2, ids.size()));
    }
}
