/** Who may write to whom and until when: reply windows and deadlines (clauses 3.2, 4.1, 4.2). */
@NullMarked
package dev.parley.core.window;

import org.jspecify.annotations.NullMarked;
