/**
 * Cases: what the platform's staff and the sellers do about messages after the checker (clause 4.3 and part 四 of the
 * Seller Customer Service Rules). The review queue of held messages and a search over every message with the history
 * of its verdicts; sellers' abuse reports of buyer messages with frozen evidence (verified reports exclude the
 * messages from evaluations); violations with points that expire; enforcement actions that thresholds of points and
 * low response rates start and that end on their own; appeals of actions; contests of verdicts, whose overturned
 * messages form the checker's regression set; buyers' reports of seller messages; disputes, which platform arbitrators
 * take, write in as {@code platform} and decide; the e-mail notices of the outbox, sent through SMTP when configured
 * (the decision of a dispute, a reply the buyer left unread); and how long each queue waits. Other
 * modules see its events ({@link dev.parley.server.cases.AbuseReportVerified}, {@link
 * dev.parley.server.cases.ViolationRecorded}, {@link dev.parley.server.cases.EnforcementActionStarted}, …) and its
 * settings ({@link dev.parley.server.cases.CasesSettings}).
 */
@NullMarked
package dev.parley.server.cases;

import org.jspecify.annotations.NullMarked;
