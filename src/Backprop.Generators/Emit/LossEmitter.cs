using System;
using Backprop.Generators.Model;
using static Backprop.Generators.Emit.Names;

namespace Backprop.Generators.Emit
{
    /// <summary>The loss node: C and the output error signal ∂C/∂aᴸ (or ∂C/∂zᴸ when fused with a Softmax or Sigmoid output).</summary>
    internal static class LossEmitter
    {
        public static string Formula(Loss loss) => loss switch
        {
            Loss.SquaredError => "C = ½ Σ (t − a)²",
            Loss.MeanSquaredError => "C = (1/n) Σ (t − a)²",
            Loss.BinaryCrossEntropy => "C = −Σ [t ln p + (1 − t) ln(1 − p)]",
            Loss.SoftmaxCrossEntropy => "C = −Σ t ln p",
            Loss.Huber => "C = (1/n) Σ huber_δ(a − t)",
            Loss.MeanAbsoluteError => "C = (1/n) Σ |a − t|",
            _ => throw new ArgumentOutOfRangeException(nameof(loss), loss, "Unknown loss."),
        };

        /// <summary>Whether the loss's δ already includes the output activation's derivative (δ = p − t w.r.t. z).</summary>
        public static bool IsFused(Loss loss) => loss switch
        {
            Loss.BinaryCrossEntropy or Loss.SoftmaxCrossEntropy => true,
            Loss.SquaredError or Loss.MeanSquaredError or Loss.Huber or Loss.MeanAbsoluteError => false,
            _ => throw new ArgumentOutOfRangeException(nameof(loss), loss, "Unknown loss."),
        };

        /// <summary>Writes <c>float loss = …;</c> filling <paramref name="delta"/> with the output error signal times <paramref name="scale"/>·wₙ.</summary>
        public static void EmitOutputDelta(CodeWriter w, NetworkSpec spec, string output, string target, string weights, string delta, string scale)
        {
            string sup = Sup(spec.LayerCount), k = $"{Kernels}.LossKernels";
            string arguments = $"{output}, {target}, {weights}, {delta}, {scale}, OutputCount";
            switch (spec.Loss)
            {
                case Loss.SquaredError:
                    w.Line($"// Loss: {Formula(spec.Loss)}, so ∂C/∂a{sup} = a − t.");
                    w.Line($"float loss = {k}.SquaredError({arguments});");
                    break;
                case Loss.MeanSquaredError:
                    w.Line($"// Loss: {Formula(spec.Loss)}, so ∂C/∂a{sup} = 2(a − t)/n.");
                    w.Line($"float loss = {k}.MeanSquaredError({arguments});");
                    break;
                case Loss.Huber:
                    w.Line($"// Loss: {Formula(spec.Loss)} with δ = {spec.HuberDelta.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}, so ∂C/∂a{sup} = clamp(a − t, −δ, δ)/n.");
                    w.Line($"float loss = {k}.Huber({arguments}, {Float(spec.HuberDelta)});");
                    break;
                case Loss.MeanAbsoluteError:
                    w.Line($"// Loss: {Formula(spec.Loss)}, so ∂C/∂a{sup} = sign(a − t)/n.");
                    w.Line($"float loss = {k}.MeanAbsoluteError({arguments});");
                    break;
                case Loss.BinaryCrossEntropy:
                    w.Line($"// Loss: with sigmoid outputs p and {Formula(spec.Loss)}, δ{sup} = ∂C/∂z{sup} = p − t.");
                    w.Line($"float loss = {k}.BinaryCrossEntropy({arguments});");
                    break;
                case Loss.SoftmaxCrossEntropy:
                    w.Line($"// Loss: with a softmax output p and {Formula(spec.Loss)}, δ{sup} = ∂C/∂z{sup} = p − t.");
                    w.Line($"float loss = {k}.SoftmaxCrossEntropy({arguments});");
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(spec), spec.Loss, "Unknown loss.");
            }
        }
    }
}
