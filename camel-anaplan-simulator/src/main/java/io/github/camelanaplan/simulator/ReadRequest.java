package io.github.camelanaplan.simulator;

import java.util.List;

/** A large-volume read request (views or lists): pages become available over time. */
final class ReadRequest {

    final String requestId;
    final String objectId;
    final boolean list;
    final List<String> pages;
    volatile int availablePages;
    volatile TaskState state = TaskState.IN_PROGRESS;

    ReadRequest(String requestId, String objectId, boolean list, List<String> pages) {
        this.requestId = requestId;
        this.objectId = objectId;
        this.list = list;
        this.pages = pages;
    }
}
