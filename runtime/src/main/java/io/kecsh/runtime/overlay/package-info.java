/**
 * The model's lint ({@link io.kecsh.runtime.overlay.ModelLint}: the rules every model entry must
 * keep) and the user's model overlays ({@link io.kecsh.runtime.overlay.ModelOverlays}:
 * {@code ~/.kecsh/models/<service>/<version>/service.json}, merged onto the built-in model and
 * checked by the same lint). {@link io.kecsh.runtime.overlay.InstalledModel} is the model kecsh's
 * commands use: the built-in one plus the overlays that passed.
 */
package io.kecsh.runtime.overlay;
