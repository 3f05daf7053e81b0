/**
 * Catalog: products (listing language, price, currency, return window, free returns, warranty) and orders, upserted by
 * the operator's integration API; other modules use {@link dev.parley.server.catalog.Catalog}.
 */
@NullMarked
package dev.parley.server.catalog;

import org.jspecify.annotations.NullMarked;
