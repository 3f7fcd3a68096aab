package io.github.camelanaplan.client.transfer;

import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.Iterator;

/**
 * The concatenation of an iterator's {@code byte[]} and {@code String} pieces. Pieces are pulled one at a time, so
 * a generator-backed iterator is never materialised; {@code byte[]} pieces are read in place, not copied.
 */
final class PiecesInputStream extends InputStream {

    private static final byte[] NONE = new byte[0];

    private final Iterator<?> pieces;
    private final Charset charset;
    private byte[] piece = NONE;
    private int position;
    private int index = -1;

    PiecesInputStream(Iterator<?> pieces, Charset charset) {
        this.pieces = pieces;
        this.charset = charset;
    }

    /**
     * Reads the first piece now, so an iterator whose first element cannot be uploaded fails before any request (a
     * later bad element still fails the upload midway: an iterator cannot be checked without being consumed).
     */
    PiecesInputStream firstPieceChecked() {
        nextPiece();
        return this;
    }

    /** Refuses a collection body with an element that cannot be uploaded: checked before anything is sent. */
    static void checkElements(java.util.Collection<?> pieces) {
        int index = 0;
        for (Object element : pieces) {
            checkElement(element, index++);
        }
    }

    @Override
    public int read() {
        return nextPiece() ? piece[position++] & 0xff : -1;
    }

    @Override
    public int read(byte[] target, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        if (!nextPiece()) {
            return -1;
        }
        int n = Math.min(length, piece.length - position);
        System.arraycopy(piece, position, target, offset, n);
        position += n;
        return n;
    }

    /** Makes sure the current piece has bytes left, skipping empty pieces; false at the end. */
    private boolean nextPiece() {
        while (position == piece.length) {
            if (!pieces.hasNext()) {
                return false;
            }
            piece = bytesOf(pieces.next(), ++index);
            position = 0;
        }
        return true;
    }

    private byte[] bytesOf(Object element, int elementIndex) {
        if (element instanceof byte[] bytes) {
            return bytes;
        }
        if (element instanceof String text) {
            return text.getBytes(charset);
        }
        checkElement(element, elementIndex);
        throw new IllegalStateException("unreachable");
    }

    private static void checkElement(Object element, int elementIndex) {
        if (element instanceof byte[] || element instanceof String) {
            return;
        }
        if (element == null) {
            throw new IllegalArgumentException("upload body element " + elementIndex + " is null");
        }
        throw new IllegalArgumentException("upload body element " + elementIndex + " has unsupported type "
                                           + element.getClass().getName() + ": the elements of an Iterator/Iterable body"
                                           + " must be byte[] or String");
    }
}
