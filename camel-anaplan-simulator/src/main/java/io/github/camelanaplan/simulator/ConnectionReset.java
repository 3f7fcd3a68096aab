package io.github.camelanaplan.simulator;

import com.sun.net.httpserver.HttpExchange;
import java.lang.reflect.Field;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;

/**
 * Aborts the TCP connection of an exchange with a real RST (SO_LINGER 0, then close). That needs
 * {@code --add-opens jdk.httpserver/sun.net.httpserver=ALL-UNNAMED} (the standalone jar's manifest has it);
 * without it {@link #abort} returns false and the caller falls back to a plain close.
 */
final class ConnectionReset {

    private static final Field[] PATH = resolve();

    private ConnectionReset() {
    }

    private static Field[] resolve() {
        try {
            Class<?> exchangeImpl = Class.forName("sun.net.httpserver.ExchangeImpl");
            Class<?> connection = Class.forName("sun.net.httpserver.HttpConnection");
            Field impl = Class.forName("sun.net.httpserver.HttpExchangeImpl").getDeclaredField("impl");
            impl.setAccessible(true);
            Field httpsImpl = Class.forName("sun.net.httpserver.HttpsExchangeImpl").getDeclaredField("impl");
            httpsImpl.setAccessible(true);
            Field conn = exchangeImpl.getDeclaredField("connection");
            conn.setAccessible(true);
            Field chan = connection.getDeclaredField("chan");
            chan.setAccessible(true);
            return new Field[] {impl, httpsImpl, conn, chan};
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** Whether real resets are available in this JVM. */
    static boolean available() {
        return PATH != null;
    }

    static boolean abort(HttpExchange ex) {
        if (PATH == null) {
            return false;
        }
        try {
            Field implField = ex.getClass().getName().endsWith("HttpsExchangeImpl") ? PATH[1] : PATH[0];
            Object impl = implField.get(ex);
            Object connection = PATH[2].get(impl);
            SocketChannel chan = (SocketChannel) PATH[3].get(connection);
            chan.setOption(StandardSocketOptions.SO_LINGER, 0);
            chan.close();
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
