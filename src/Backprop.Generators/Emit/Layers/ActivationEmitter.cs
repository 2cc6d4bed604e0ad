using Backprop.Generators.Model;
using static Backprop.Generators.Emit.Names;

namespace Backprop.Generators.Emit.Layers
{
    /// <summary>
    /// The activation aˡ = f(zˡ) that follows a dense layer's affine map (<see cref="DenseEmitter"/> calls it): its forward and backward kernel calls side by side, with the
    /// rule and the derivative from the activation's <see cref="ActivationInfoAttribute"/>. When f′ needs z (GELU, SiLU,
    /// Softplus) training keeps zˡ apart from aˡ; otherwise aˡ overwrites zˡ and f′ is computed from aˡ.
    /// </summary>
    internal static class ActivationEmitter
    {
        public static void EmitForward(CodeWriter w, ActivationSpec node, bool training)
        {
            int l = node.Index;
            ActivationInfoAttribute info = ActivationTable.Of(node.Function);
            string rule = $"a{Sup(l)} = {info.Formula.Replace("z", "z" + Sup(l))}";
            if (node.Function == Activation.Identity)
            {
                w.Line($"// {rule}: nothing to do.");
                return;
            }

            if (node.Function == Activation.Softmax)
            {
                w.Line($"{Kernels}.ActivationKernels.Softmax({A(l)}, {MemberNames.Units(node.Name)}); // {rule}, row by row");
                return;
            }

            w.Line(node.NeedsInput
                ? $"{Kernels}.ActivationKernels.{node.Function}({(training ? Z(l) : A(l))}, {A(l)}); // {rule}{(training ? $", keeping z{Sup(l)} for f′" : "")}"
                : $"{Kernels}.ActivationKernels.{node.Function}({A(l)}); // {rule}, in place");
        }

        public static void EmitBackward(CodeWriter w, ActivationSpec node)
        {
            int l = node.Index;
            ActivationInfoAttribute info = ActivationTable.Of(node.Function);
            if (node.FusedWithLoss)
            {
                w.Line($"// δ{Sup(l)} = ∂C/∂z{Sup(l)} already: the loss's δ = p − t includes the derivative of the {node.Function} output.");
                return;
            }

            if (node.Function == Activation.Identity)
            {
                w.Line($"// δ{Sup(l)} ⊙= f′(z{Sup(l)}) = 1 (identity): nothing to do.");
                return;
            }

            string source = node.NeedsInput ? Z(l) : A(l);
            w.Line($"{Kernels}.ActivationKernels.{node.Function}Backward({source}, {Delta(l)}); // δ{Sup(l)} = ∂C/∂a{Sup(l)} ⊙ f′(z{Sup(l)}), f′ = {info.Derivative}");
        }
    }
}
