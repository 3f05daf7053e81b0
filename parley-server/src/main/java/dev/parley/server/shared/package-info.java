/** Cross-cutting pieces every module may use: problem details, clock, security principal. */
@NullMarked
package dev.parley.server.shared;

import org.jspecify.annotations.NullMarked;
