package dev.parley.server.cases;

import java.time.Instant;

/** A shop's admin or owner contested the verdict on a blocked or rejected message (once per message). */
public record VerdictContested(String contestId, String shopId, String messageId, String filedBy, Instant filedAt) {}
