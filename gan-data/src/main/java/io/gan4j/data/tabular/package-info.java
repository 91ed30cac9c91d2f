/**
 * Tribuo interop: labelled CSV tables as training data ({@link io.gan4j.data.tabular.TabularDataset}
 * with a recorded {@link io.gan4j.data.tabular.TableEncoding}), and generated vectors back into
 * Tribuo datasets with {@link io.gan4j.data.tabular.GeneratedDataProvenance}.
 */
package io.gan4j.data.tabular;
