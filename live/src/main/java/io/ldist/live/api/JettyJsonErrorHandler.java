package io.ldist.live.api;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;

/**
 * Errors Jetty answers itself, before a request reaches the API's routes (a malformed request line or URI, headers
 * too large, a request arriving while the server stops): JSON like the API's own errors, never HTML, never a stack.
 */
final class JettyJsonErrorHandler extends ErrorHandler {

    JettyJsonErrorHandler() {
        setShowStacks(false);
        setShowCauses(false);
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, JsonErrors.CONTENT_TYPE);
        response.write(true, ByteBuffer.wrap(JsonErrors.error(text(code, message), null)), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(new HttpField(HttpHeader.CONTENT_TYPE, JsonErrors.CONTENT_TYPE));
        return ByteBuffer.wrap(JsonErrors.error(text(status, reason), null));
    }

    private static String text(int code, String message) {
        String reason = HttpStatus.getMessage(code);
        return message == null || message.isBlank() || message.equals(reason) ? reason : reason + ": " + message;
    }
}
