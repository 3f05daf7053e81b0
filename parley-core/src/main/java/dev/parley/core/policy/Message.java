package dev.parley.core.policy;

/** A request being checked, with its normalised text computed once and shared by every detector. */
record Message(CheckRequest request, NormalizedText normalized) {

    static Message of(CheckRequest request) {
        return new Message(request, NormalizedText.of(request.text()));
    }

    String text() {
        return request.text();
    }
}
