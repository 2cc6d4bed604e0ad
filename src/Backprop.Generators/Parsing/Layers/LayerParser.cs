using System;
using System.Collections.Generic;
using Backprop.Generators.Model;
using Microsoft.CodeAnalysis;

namespace Backprop.Generators.Parsing.Layers
{
    /// <summary>
    /// Reads one kind's attribute into its spec: its arguments, their diagnostics, and its tensors laid out through the
    /// <see cref="LayerLayout"/>. One subclass per kind, listed in <see cref="LayerKinds"/>.
    /// </summary>
    internal abstract class LayerParser
    {
        /// <summary>Whether the kind has parameters (the layers after one must send back the error signals of their inputs).</summary>
        public abstract bool HasParameters { get; }

        /// <summary>Whether the kind may be the output layer (BP0019 otherwise).</summary>
        public virtual bool MayBeOutput => false;

        /// <summary>
        /// The layer at <see cref="LayerLayout.Position"/>: its spec, with its offsets from <paramref name="layout"/> and the
        /// workspace it needs added there; <see cref="LayerSpec.Propagates"/> and <see cref="LayerSpec.SizedByData"/> are set by the caller.
        /// </summary>
        public abstract LayerSpec Parse(DeclaredLayer layer, LayerLayout layout);

        /// <summary>For a kind that <see cref="MayBeOutput"/>: the rules between the output layer and the loss.</summary>
        /// <param name="output">The output layer's spec.</param>
        /// <param name="layer">The output layer as declared.</param>
        /// <param name="network">The network's name.</param>
        /// <param name="loss">The network's loss.</param>
        /// <param name="lossLocation">Where a diagnostic about the loss squiggles.</param>
        /// <param name="diagnostics">Where diagnostics go.</param>
        public virtual void CheckOutput(LayerSpec output, DeclaredLayer layer, string network, Loss loss, Location lossLocation, List<DiagnosticInfo> diagnostics) =>
            throw new InvalidOperationException($"Layer '{layer.Name}' is a {output.Kind} layer, which is never the output layer.");
    }
}
