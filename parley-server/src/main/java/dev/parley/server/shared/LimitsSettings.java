package dev.parley.server.shared;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Request size limits ({@code parley.limits.*}).
 *
 * @param maxBodyBytes the largest JSON request body accepted (413 above), 64 KiB by default
 * @param maxAttachmentBytes the largest attachment accepted (413 above), 5 MiB by default
 * @param maxTextLength the longest message text in characters (400 above), 2,000 by default
 */
@ConfigurationProperties("parley.limits")
public record LimitsSettings(
        @DefaultValue("65536") long maxBodyBytes,
        @DefaultValue("5242880") long maxAttachmentBytes,
        @DefaultValue("2000") int maxTextLength) {}
