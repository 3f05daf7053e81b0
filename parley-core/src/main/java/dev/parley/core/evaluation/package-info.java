/**
 * The performance evaluation of section three of the rules: periods, eligibility, settlement, figures
 * (evaluation.md), and the placeholder decision for seller messages.
 *
 * <p>For a server: build an {@link dev.parley.core.evaluation.Evaluator} per (shop zone, {@link
 * dev.parley.core.evaluation.EvaluationSettings} version); schedule with its {@link
 * dev.parley.core.evaluation.EvaluationCalendar} ({@code after(now)} is the next evaluation instant); at each instant
 * {@code E} compute {@code evaluateAt(shopMessages, E)} from the shop's log as stored, and store the result with its
 * {@code policyVersion}; recompute it the same way, as a new revision, when a verified report or a released held reply
 * changes the log; show {@code currentPeriod(shopMessages, now)} as the figures so far. Mark each seller message with
 * {@link dev.parley.core.evaluation.Placeholders#isPlaceholder(String)} when it is sent.
 */
@NullMarked
package dev.parley.core.evaluation;

import org.jspecify.annotations.NullMarked;
