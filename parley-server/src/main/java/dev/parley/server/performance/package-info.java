/** Performance evaluations of each shop's response rate and time (section three of the rules), on schedule. */
@NullMarked
package dev.parley.server.performance;

import org.jspecify.annotations.NullMarked;
