package dev.parley.server.messaging;

/** The outcome of screening a seller draft: the verdict and whether the text is only a placeholder. */
public record Screening(VerdictView verdict, boolean placeholder) {}
