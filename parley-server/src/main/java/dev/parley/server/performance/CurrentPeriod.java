package dev.parley.server.performance;

import dev.parley.core.evaluation.Evaluation;
import java.time.Instant;

/**
 * The figures so far of a shop's open period: the messages settled by {@code asOf}; {@code figures.evaluatedAt()} is
 * the instant that will close the period.
 */
public record CurrentPeriod(String shopId, Instant asOf, Evaluation figures) {}
