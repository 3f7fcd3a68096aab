package io.github.camelanaplan.client.transactional;

/**
 * An item or cell Anaplan refused. {@code requestIndex} is the position in the body the route sent (0-based), also
 * when the write was split into several calls.
 */
public record WriteFailure(int requestIndex, String failureType, String failureMessageDetails) {

    WriteFailure atIndex(int index) {
        return new WriteFailure(index, failureType, failureMessageDetails);
    }
}
