using Backprop.Generators.Model;
using static Backprop.Generators.Emit.Names;

namespace Backprop.Generators.Emit
{
    /// <summary>The output layer's error signal δᴸ = ∂C/∂zᴸ for the declared loss, shared by the per-sample and batched passes.</summary>
    internal static class LossEmitter
    {
        public static string Formula(LossKind loss) => loss switch
        {
            LossKind.SquaredError => "C = ½ Σ (t − a)²",
            LossKind.MeanSquaredError => "C = (1/n) Σ (t − a)²",
            LossKind.BinaryCrossEntropy => "C = −[t ln p + (1 − t) ln(1 − p)]",
            _ => "C = −Σ t ln p",
        };

        /// <summary>Writes <c>float loss = …;</c> and fills <paramref name="delta"/> with δᴸ scaled by <paramref name="scale"/>.</summary>
        public static void EmitOutputDelta(CodeWriter w, NetworkSpec spec, string output, string target, string delta, string scale)
        {
            LayerSpec last = spec.Layers[spec.Layers.Count - 1];
            int index = spec.Layers.Count;
            string sup = Sup(index);
            switch (spec.Loss)
            {
                case LossKind.SquaredError:
                case LossKind.MeanSquaredError:
                    w.Line($"// Output error signal: δ{sup} = ∂C/∂a{sup} ⊙ f′(z{sup}), where {Formula(spec.Loss)} gives ∂C/∂a{sup} = {(spec.Loss == LossKind.SquaredError ? "a − t" : "2(a − t)/n")}.");
                    w.Line(spec.Loss == LossKind.SquaredError
                        ? $"float loss = {Kernels}.LossKernels.SquaredError({output}, {target}, {delta}, {scale});"
                        : $"float loss = {Kernels}.LossKernels.MeanSquaredError({output}, {target}, {delta}, {scale}, OutputCount);");
                    LayerEmitter.EmitActivationDerivative(w, last, index, output, delta);
                    break;
                case LossKind.BinaryCrossEntropy:
                    w.Line($"// Output error signal: with a sigmoid output p and {Formula(spec.Loss)}, δ{sup} = ∂C/∂z{sup} = p − t.");
                    w.Line($"float loss = {Kernels}.LossKernels.BinaryCrossEntropy({output}, {target}, {delta}, {scale});");
                    break;
                default:
                    w.Line($"// Output error signal: with a softmax output p and {Formula(spec.Loss)}, δ{sup} = ∂C/∂z{sup} = p − t.");
                    w.Line($"float loss = {Kernels}.LossKernels.SoftmaxCrossEntropy({output}, {target}, {delta}, {scale});");
                    break;
            }
        }
    }
}
