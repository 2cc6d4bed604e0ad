using System.Collections.Generic;
using Backprop.Generators.Model;
using static Backprop.Generators.Emit.Names;
using static Backprop.Generators.Model.MemberNames;

namespace Backprop.Generators.Emit.Layers
{
    /// <summary>
    /// Inverted dropout: in training aˡ = aˡ⁻¹ ⊙ mˡ with mˡ ∈ {0, 1/(1 − rate)} drawn from the step's seed, and backward
    /// multiplies by the same mask; in inference aˡ is aˡ⁻¹ (no code, no buffer).
    /// </summary>
    internal static class DropoutEmitter
    {
        public static void EmitConstants(CodeWriter w, DropoutSpec layer)
        {
            string n = layer.Name;
            if (!layer.WidthFromData)
            {
                w.Line($"/// <summary>Values passed through layer {n}.</summary>");
                w.Line($"public const int {Units(n)} = {layer.Units};");
            }

            w.Line($"/// <summary>Probability that {n} drops a value in training.</summary>");
            w.Line($"public const float {Rate(n)} = {Float(layer.Rate)};");
        }

        public static string Description(DropoutSpec layer) => $"global::Backprop.LayerDescription.Dropout(\"{layer.Name}\", {Width(layer)}, {Double(layer.Rate)})";

        public static string Summary(DropoutSpec layer) => $"dropout of {WidthText(layer)} value(s) at rate {layer.Rate.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

        public static string View(DropoutSpec layer, int position, string shape) => $"new global::Backprop.DropoutLayer({shape}.Layers[{position}])";

        public static IEnumerable<Buffer> Workspace(DropoutSpec layer, bool training, bool needsDelta)
        {
            int l = layer.Index;
            if (!training)
            {
                yield return Buffer.Alias(A(l), A(l - 1), $"a{Sup(l)} = a{Sup(l - 1)}: dropout is the identity in inference");
                yield break;
            }

            string wt = WidthText(layer);
            yield return Buffer.Rows(A(l), Width(layer), layer.Units, $"A{Sup(l)} [batch × {wt}]");
            yield return Buffer.Rows(Mask(l), Width(layer), layer.Units, $"M{Sup(l)} [batch × {wt}]: 0 or 1/(1 − {layer.Rate.ToString(System.Globalization.CultureInfo.InvariantCulture)})");
            if (needsDelta) yield return Buffer.Rows(Delta(l), Width(layer), layer.Units, $"Δ{Sup(l)} [batch × {wt}]");
        }

        public static void EmitForwardCall(CodeWriter w, DropoutSpec layer, string input)
        {
            int l = layer.Index;
            w.Line($"{Kernels}.DropoutKernels.ForwardTraining({input}, {A(l)}, {Mask(l)}, {Rate(layer.Name)}, dropoutSeed, {Num(l)}); // a{Sup(l)} = a{Sup(l - 1)} ⊙ m{Sup(l)}");
        }

        public static void EmitBackwardCall(CodeWriter w, DropoutSpec layer)
        {
            int l = layer.Index;
            if (!layer.Propagates)
            {
                w.Line($"// Layer {l} ({layer.Name}) has no parameters and nothing before it needs ∂C/∂a{Sup(l - 1)}.");
                return;
            }

            w.Line($"{Kernels}.DropoutKernels.Backward({Mask(l)}, {Delta(l)}, {Delta(l - 1)}); // ∂C/∂a{Sup(l - 1)} = ∂C/∂a{Sup(l)} ⊙ m{Sup(l)}");
        }
    }
}
