package org.edugraph.api;

import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * What Tomcat answers itself, before any of the application's code runs, in the API's
 * error body instead of its HTML page: a request line or headers larger than
 * {@code server.max-http-request-header-size} (a long query sent over GET), a malformed
 * request. Errors the application handles ({@link ErrorPage}) are written before this
 * and pass untouched.
 */
@Component
class ContainerErrors implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> {

    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
        // Runs after Spring Boot's own customizer, which adds Tomcat's HTML valve to the host.
        factory.addContextCustomizers(context -> {
            Pipeline pipeline = context.getParent().getPipeline();
            for (Valve valve : pipeline.getValves()) {
                if (valve instanceof ErrorReportValve && !(valve instanceof JsonErrorReportValve)) {
                    pipeline.removeValve(valve);
                }
            }
            pipeline.addValve(new JsonErrorReportValve());
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(JsonErrorReportValve.class.getName()); // so that Tomcat adds no other
            }
        });
    }

    /** Tomcat's error report, in the API's JSON. */
    public static final class JsonErrorReportValve extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            // As Tomcat's own: nothing for a success, nothing once something was written or reported.
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            AtomicBoolean ioAllowed = new AtomicBoolean(false);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
            if (!ioAllowed.get()) {
                return;
            }
            ErrorKind kind = status >= 500 ? ErrorKind.INTERNAL_ERROR : status == 404 ? ErrorKind.NOT_FOUND : ErrorKind.BAD_REQUEST;
            String message = status == 400 || status == 414 || status == 431
                    ? "The request line or its headers are too long or malformed (at most %s); send a long query with POST"
                            .formatted(maxHeaderSize(request))
                    : status + " " + java.util.Optional.ofNullable(org.springframework.http.HttpStatus.resolve(status))
                            .map(org.springframework.http.HttpStatus::getReasonPhrase).orElse("Error");
            try {
                ErrorBody.write(response.getResponse(), status, kind, message);
                response.finishResponse();
            } catch (java.io.IOException | RuntimeException e) {
                // The client is gone or the response cannot be written: nothing more to say.
            }
        }

        private static String maxHeaderSize(Request request) {
            if (request.getConnector() != null
                    && request.getConnector().getProtocolHandler() instanceof org.apache.coyote.http11.AbstractHttp11Protocol<?> http) {
                return http.getMaxHttpRequestHeaderSize() / 1024 + " KB";
            }
            return "the server's limit";
        }
    }
}
