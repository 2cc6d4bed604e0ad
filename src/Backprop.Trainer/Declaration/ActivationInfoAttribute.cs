using System;

namespace Backprop;

/// <summary>
/// Describes one <see cref="Activation"/> value: its rule for comments and summaries, whether its derivative needs the
/// input z (then z is kept in the workspace), and its ONNX operator. The generator and the runtime read the same table.
/// </summary>
[AttributeUsage(AttributeTargets.Field, AllowMultiple = false, Inherited = false)]
#if BACKPROP_GENERATOR
internal
#else
public
#endif
sealed class ActivationInfoAttribute : Attribute
{
    /// <summary>Describes an activation: <paramref name="formula"/> a = f(z) and <paramref name="derivative"/> f′.</summary>
    /// <param name="formula">The forward rule, e.g. <c>tanh(z)</c>.</param>
    /// <param name="derivative">The derivative as the backward kernel computes it, e.g. <c>1 − a²</c>.</param>
    public ActivationInfoAttribute(string formula, string derivative)
    {
        Formula = formula;
        Derivative = derivative;
    }

    /// <summary>The forward rule a = f(z), written with z.</summary>
    public string Formula { get; }

    /// <summary>f′ as the backward kernel computes it (from a, or from z when <see cref="DerivativeNeedsInput"/>).</summary>
    public string Derivative { get; }

    /// <summary>
    /// True when f′ is computed from z (GELU, SiLU, Softplus): the forward kernel writes a = f(z) next to z and the backward
    /// kernel reads z. False when f′ follows from the output a alone: the forward kernel works in place.
    /// </summary>
    public bool DerivativeNeedsInput { get; set; }

    /// <summary>
    /// True for activations that act on a whole row (Softmax) and only appear on the output layer, fused with their loss.
    /// </summary>
    public bool OutputOnly { get; set; }

    /// <summary>Whether <c>InitializationScheme.Auto</c> uses He (fan-in) initialisation for the layer's weights.</summary>
    public bool HeInitialization { get; set; }

    /// <summary>The ONNX operator that computes f, or empty for the identity.</summary>
    public string OnnxOperator { get; set; } = "";

    /// <summary>The ONNX operator's <c>alpha</c> attribute, or NaN when it has none.</summary>
    public float OnnxAlpha { get; set; } = float.NaN;

    /// <summary>True when the ONNX graph multiplies the operator's result by its input (SiLU: z·Sigmoid(z)).</summary>
    public bool OnnxTimesInput { get; set; }
}
