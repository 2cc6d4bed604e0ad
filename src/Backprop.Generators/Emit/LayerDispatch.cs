using System;
using System.Collections.Generic;
using Backprop.Generators.Emit.Layers;
using Backprop.Generators.Model;

namespace Backprop.Generators.Emit
{
    /// <summary>
    /// The one place that turns a layer spec into its emitter: every switch over the kinds is here, exhaustive, and throws
    /// on a kind it does not know (the parser never produces one).
    /// </summary>
    internal static class LayerDispatch
    {
        public static void EmitConstants(CodeWriter w, LayerSpec layer)
        {
            switch (layer)
            {
                case DenseSpec dense: DenseEmitter.EmitConstants(w, dense); break;
                case LayerNormSpec norm: LayerNormEmitter.EmitConstants(w, norm); break;
                case BatchNormSpec norm: BatchNormEmitter.EmitConstants(w, norm); break;
                case DropoutSpec dropout: DropoutEmitter.EmitConstants(w, dropout); break;
                case NormalizeSpec normalize: NormalizeEmitter.EmitConstants(w, normalize); break;
                default: throw Unknown(layer);
            }
        }

        public static string Description(LayerSpec layer) => layer switch
        {
            DenseSpec dense => DenseEmitter.Description(dense),
            LayerNormSpec norm => LayerNormEmitter.Description(norm),
            BatchNormSpec norm => BatchNormEmitter.Description(norm),
            DropoutSpec dropout => DropoutEmitter.Description(dropout),
            NormalizeSpec normalize => NormalizeEmitter.Description(normalize),
            _ => throw Unknown(layer),
        };

        /// <summary>The layer property's type, its view over the buffers (of the shape <paramref name="shape"/> names) and its summary.</summary>
        public static (string Type, string View, string Summary) Property(LayerSpec layer, int position, string shape) => layer switch
        {
            DenseSpec dense => ("global::Backprop.DenseLayer", DenseEmitter.View(dense, position, shape), DenseEmitter.Summary(dense)),
            LayerNormSpec norm => ("global::Backprop.LayerNormLayer", LayerNormEmitter.View(norm, position, shape), LayerNormEmitter.Summary(norm)),
            BatchNormSpec norm => ("global::Backprop.BatchNormLayer", BatchNormEmitter.View(norm, position, shape), BatchNormEmitter.Summary(norm)),
            DropoutSpec dropout => ("global::Backprop.DropoutLayer", DropoutEmitter.View(dropout, position, shape), DropoutEmitter.Summary(dropout)),
            NormalizeSpec normalize => ("global::Backprop.NormalizeLayer", NormalizeEmitter.View(normalize, position, shape), NormalizeEmitter.Summary(normalize)),
            _ => throw Unknown(layer),
        };

        public static string Modifiers(LayerSpec layer) => layer switch
        {
            DenseSpec dense => dense.Modifiers,
            LayerNormSpec norm => norm.Modifiers,
            BatchNormSpec norm => norm.Modifiers,
            DropoutSpec dropout => dropout.Modifiers,
            NormalizeSpec normalize => normalize.Modifiers,
            _ => throw Unknown(layer),
        };

        public static IEnumerable<Buffer> Workspace(LayerSpec layer, ActivationSpec? activation, bool training, bool needsDelta) => layer switch
        {
            DenseSpec dense => DenseEmitter.Workspace(dense, activation!, training, needsDelta),
            LayerNormSpec norm => LayerNormEmitter.Workspace(norm, training, needsDelta),
            BatchNormSpec norm => BatchNormEmitter.Workspace(norm, training, needsDelta),
            DropoutSpec dropout => DropoutEmitter.Workspace(dropout, training, needsDelta),
            NormalizeSpec normalize => NormalizeEmitter.Workspace(normalize),
            _ => throw Unknown(layer),
        };

        public static void EmitMethods(CodeWriter w, LayerSpec layer)
        {
            switch (layer)
            {
                case DenseSpec dense: DenseEmitter.EmitMethods(w, dense); break;
                case LayerNormSpec norm: LayerNormEmitter.EmitMethods(w, norm); break;
                case BatchNormSpec norm: BatchNormEmitter.EmitMethods(w, norm); break;
                case DropoutSpec: break; // its two kernel calls are written inline
                case NormalizeSpec normalize: NormalizeEmitter.EmitMethods(w, normalize); break;
                default: throw Unknown(layer);
            }
        }

        /// <summary>One layer's forward (with its activation for a dense layer) in a pass.</summary>
        public static void EmitForward(CodeWriter w, LayerSpec layer, ActivationSpec? activation, bool training, bool batched)
        {
            string input = Names.A(layer.Index - 1);
            switch (layer)
            {
                case DenseSpec dense:
                    DenseEmitter.EmitForwardCall(w, dense, input, DenseEmitter.Output(dense, activation!, training), batched);
                    ActivationEmitter.EmitForward(w, activation!, training);
                    break;
                case LayerNormSpec norm: LayerNormEmitter.EmitForwardCall(w, norm, input, training, batched); break;
                case BatchNormSpec norm: BatchNormEmitter.EmitForwardCall(w, norm, input, training, batched); break;
                case DropoutSpec dropout:
                    if (training) DropoutEmitter.EmitForwardCall(w, dropout, input);
                    break;
                case NormalizeSpec normalize: NormalizeEmitter.EmitForwardCall(w, normalize, input, batched); break;
                default: throw Unknown(layer);
            }
        }

        /// <summary>One layer's backward (its activation first, for a dense layer) in a training pass.</summary>
        public static void EmitBackward(CodeWriter w, LayerSpec layer, ActivationSpec? activation, bool batched)
        {
            string input = Names.A(layer.Index - 1);
            switch (layer)
            {
                case DenseSpec dense:
                    ActivationEmitter.EmitBackward(w, activation!);
                    DenseEmitter.EmitBackwardCall(w, dense, input, batched);
                    break;
                case LayerNormSpec norm: LayerNormEmitter.EmitBackwardCall(w, norm, input, batched); break;
                case BatchNormSpec norm: BatchNormEmitter.EmitBackwardCall(w, norm, input); break;
                case DropoutSpec dropout: DropoutEmitter.EmitBackwardCall(w, dropout); break;
                case NormalizeSpec normalize: NormalizeEmitter.EmitBackwardCall(w, normalize); break;
                default: throw Unknown(layer);
            }
        }

        private static Exception Unknown(LayerSpec layer) =>
            new ArgumentOutOfRangeException(nameof(layer), layer.GetType().Name, "Unknown layer kind.");
    }
}
