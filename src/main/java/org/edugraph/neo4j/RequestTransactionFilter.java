package org.edugraph.neo4j;

import java.io.IOException;

import io.micrometer.context.ContextRegistry;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.edugraph.EduGraphProperties;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives each GraphQL request over HTTP its {@link RequestTransaction}: held in a thread
 * local that Spring for GraphQL carries to the threads its controllers and batch loaders
 * run on (context propagation), and ended when the response is complete, asynchronous or
 * not. Subscriptions (a stream of events) get none: they would hold it open for as long
 * as they run.
 */
@Component
class RequestTransactionFilter extends OncePerRequestFilter {

    static final String KEY = "edugraph.requestTransaction";
    static final ThreadLocal<RequestTransaction> CURRENT = new ThreadLocal<>();

    static {
        ContextRegistry.getInstance().registerThreadLocalAccessor(KEY, CURRENT);
    }

    private final Graph graph;
    private final boolean enabled;

    RequestTransactionFilter(Graph graph, EduGraphProperties properties) {
        this.graph = graph;
        this.enabled = properties.neo4j().requestTransaction();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return !enabled || !"POST".equals(request.getMethod()) || !"/graphql".equals(request.getRequestURI())
                || accept != null && accept.contains("text/event-stream");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        RequestTransaction transaction = graph.requestTransaction();
        CURRENT.set(transaction);
        boolean async = false;
        try {
            chain.doFilter(request, response);
            if (request.isAsyncStarted()) {
                async = true;
                request.getAsyncContext().addListener(new AsyncListener() {
                    @Override
                    public void onComplete(AsyncEvent event) {
                        transaction.end();
                    }

                    @Override
                    public void onTimeout(AsyncEvent event) {
                        transaction.end();
                    }

                    @Override
                    public void onError(AsyncEvent event) {
                        transaction.end();
                    }

                    @Override
                    public void onStartAsync(AsyncEvent event) {
                    }
                });
            }
        } finally {
            CURRENT.remove();
            if (!async) {
                transaction.end();
            }
        }
    }
}
