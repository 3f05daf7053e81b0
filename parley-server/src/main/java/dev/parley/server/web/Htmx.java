package dev.parley.server.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The few htmx request and response headers the pages use. */
final class Htmx {
    private Htmx() {}

    /** Whether htmx made this request (it then wants a fragment, not a page). */
    static boolean isHtmx(HttpServletRequest request) {
        return "true".equals(request.getHeader("HX-Request"));
    }

    /** Makes htmx fire {@code event} on the page after the swap. */
    static void trigger(HttpServletResponse response, String event) {
        response.setHeader("HX-Trigger", event);
    }
}
