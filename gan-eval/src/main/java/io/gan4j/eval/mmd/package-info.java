/** Maximum mean discrepancy between sample sets. */
package io.gan4j.eval.mmd;
