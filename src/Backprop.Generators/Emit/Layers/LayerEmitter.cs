using System;
using System.Collections.Generic;
using Backprop.Generators.Model;

namespace Backprop.Generators.Emit.Layers
{
    /// <summary>
    /// Everything the generator writes for one layer, one subclass per kind (<see cref="LayerSpec.CreateEmitter"/>): its
    /// constants, its entry in the shape, its property, its workspace buffers, its paired methods, its calls in the passes and
    /// its nodes in the computational graph. The network-level emitters walk the layers and call these members; none of them
    /// knows a kind.
    /// </summary>
    internal abstract class LayerEmitter
    {
        /// <summary>The layer this emitter writes.</summary>
        public abstract LayerSpec Layer { get; }

        /// <summary>The layer's constants: sizes, offsets (methods of n for input-sized tensors) and options.</summary>
        public abstract void EmitConstants(CodeWriter w);

        /// <summary>The layer's entry in the network's shape: a <c>global::Backprop.LayerDescription.X(...)</c> call.</summary>
        public abstract string Description();

        /// <summary>The layer property's fully qualified type.</summary>
        public abstract string PropertyType { get; }

        /// <summary>The layer property's value: a view over the buffers of the layer at <paramref name="position"/> of the shape <paramref name="shape"/> names.</summary>
        public abstract string View(int position, string shape);

        /// <summary>The layer property's summary, after "Layer l: ".</summary>
        public abstract string Summary();

        /// <summary>The layer in the class's summary line: <c>Hidden[16, Tanh]</c>.</summary>
        public abstract string Describe();

        /// <summary>The layer's input-sized tensors in words, for the layout comment of a network sized by the data; null when it has none.</summary>
        public abstract string? InputSizedTensors();

        /// <summary>Every member written for the layer, its property included (the parser reserves them).</summary>
        public abstract IEnumerable<string> Members();

        /// <summary>The buffers a pass needs for the layer, in order; <paramref name="needsDelta"/> when the next layer sends back ∂C/∂aˡ.</summary>
        public abstract IEnumerable<Buffer> Workspace(bool training, bool needsDelta);

        /// <summary>Aˡ [batch × width]: the layer's output in a batched pass.</summary>
        protected Buffer OutputBuffer() =>
            Buffer.Rows(Names.A(Layer.Index), Names.Width(Layer), Layer.Units, $"A{Names.Sup(Layer.Index)} [batch × {Names.WidthText(Layer)}]");

        /// <summary>Δˡ [batch × width]: ∂C/∂aˡ, sent back by the next layer, in a batched training pass.</summary>
        protected Buffer DeltaBuffer() =>
            Buffer.Rows(Names.Delta(Layer.Index), Names.Width(Layer), Layer.Units, $"Δ{Names.Sup(Layer.Index)} [batch × {Names.WidthText(Layer)}]");

        /// <summary>The layer's paired forward and backward methods (nothing when its kernel calls are written inline).</summary>
        public abstract void EmitMethods(CodeWriter w);

        /// <summary>The layer's forward in a pass: inference or training, per sample or batched.</summary>
        public abstract void EmitForward(CodeWriter w, bool training, bool batched);

        /// <summary>The layer's backward in a training pass, per sample or batched.</summary>
        public abstract void EmitBackward(CodeWriter w, bool batched);

        /// <summary>The layer's nodes and edges in the computational graph, after the layer before it.</summary>
        public abstract void AddToGraph(MermaidGraph graph);

        /// <summary>The error signal the layer sends to its input as a formula for the graph (Wˡᵀδˡ), or null to write ∂C/∂aˡ⁻¹.</summary>
        public virtual string? GraphInputDelta => null;

        /// <summary>
        /// For the output layer: the edge from the loss node back into the layer, carrying ∂C/∂aᴸ given by
        /// <paramref name="lossDerivative"/>. Only a kind the parser allows as the output layer writes one.
        /// </summary>
        public virtual void AddLossEdge(MermaidGraph graph, string lossId, string lossDerivative) =>
            throw new InvalidOperationException($"Layer '{Layer.Name}' is a {Layer.Kind} layer, which is never the output layer.");
    }
}
