package org.edugraph.pages;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The two pages people open in a browser, the explorer and GraphiQL: static files under
 * {@code static/explorer/} and {@code static/graphiql/}, reached by a short address, with
 * every asset served by the application itself (WebJars), so they work without internet.
 */
@Controller
class BrowserPages {

    private final ExampleOperations examples;

    BrowserPages(ExampleOperations examples) {
        this.examples = examples;
    }

    // A forward keeps the address (and the explorer's view state in its query) as typed.
    @GetMapping("/explorer")
    String explorer() {
        return "forward:/explorer/index.html";
    }

    @GetMapping("/graphiql")
    String graphiql() {
        return "forward:/graphiql/index.html";
    }

    // With a trailing slash the page would still work (its links are absolute), but one
    // address per page keeps copied links alike.
    @GetMapping({"/explorer/", "/graphiql/"})
    String withoutSlash(HttpServletRequest request) {
        String path = request.getRequestURI();
        String query = request.getQueryString();
        return "redirect:" + path.substring(0, path.length() - 1) + (query == null ? "" : "?" + query);
    }

    /** The operations of graphql/examples, for GraphiQL's tabs: the very files ExamplesTest runs. */
    @GetMapping(path = "/graphiql/examples", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    List<ExampleOperations.Example> examples() {
        return examples.all();
    }
}
