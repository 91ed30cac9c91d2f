/** Measures of unpaired image translation: errors against a known true mapping, cycle errors, FID, class preservation. */
package io.gan4j.eval.translation;
