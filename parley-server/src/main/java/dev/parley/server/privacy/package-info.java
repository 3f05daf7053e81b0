/**
 * Privacy: a buyer's personal data as section 2 of the Seller Customer Service Rules protects it. A shop's team reads
 * the shipping contact of one of the shop's orders only through an audited read with a purpose; a buyer exports
 * everything Parley holds about them; an erasure (the buyer's, with their password, or the operator's) removes the
 * personal data and keeps the compliance records with the buyer pseudonymised. Every disclosure, export and erasure is
 * written to the accounts module's {@link dev.parley.server.accounts.AuditLog}. Other modules (the pages) use {@link
 * dev.parley.server.privacy.Privacy}.
 */
@NullMarked
package dev.parley.server.privacy;

import org.jspecify.annotations.NullMarked;
