/** The performance evaluation of section three of the rules: periods, eligibility, settlement, figures. */
@NullMarked
package dev.parley.core.evaluation;

import org.jspecify.annotations.NullMarked;
