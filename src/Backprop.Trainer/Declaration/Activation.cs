namespace Backprop;

/// <summary>The activation function f applied after a dense layer's affine map: a = f(z).</summary>
/// <remarks>
/// Each value carries its <see cref="ActivationInfoAttribute"/>: the rule, its derivative and whether the derivative needs z.
/// Its kernels are the pair <c>ActivationKernels.Name</c> / <c>ActivationKernels.NameBackward</c>; they take the output a
/// when f′ follows from a (Sigmoid, Tanh, ReLU, LeakyReLU, ELU) and the input z otherwise (GELU, SiLU, Softplus).
/// </remarks>
#if BACKPROP_GENERATOR
internal
#else
public
#endif
enum Activation
{
    /// <summary>a = z; f′ = 1.</summary>
    [ActivationInfo("z", "1")]
    Identity = 0,

    /// <summary>a = 1 / (1 + e^−z); f′ = a(1 − a).</summary>
    [ActivationInfo("σ(z) = 1 / (1 + e⁻ᶻ)", "a(1 − a)", OnnxOperator = "Sigmoid")]
    Sigmoid = 1,

    /// <summary>a = tanh z; f′ = 1 − a².</summary>
    [ActivationInfo("tanh(z)", "1 − a²", OnnxOperator = "Tanh")]
    Tanh = 2,

    /// <summary>a = max(0, z); f′ = [z &gt; 0].</summary>
    [ActivationInfo("max(0, z)", "a > 0 ? 1 : 0", HeInitialization = true, OnnxOperator = "Relu")]
    ReLU = 3,

    /// <summary>a = z &gt; 0 ? z : 0.01·z; f′ = z &gt; 0 ? 1 : 0.01.</summary>
    [ActivationInfo("z > 0 ? z : 0.01z", "a > 0 ? 1 : 0.01", HeInitialization = true, OnnxOperator = "LeakyRelu", OnnxAlpha = 0.01f)]
    LeakyReLU = 4,

    /// <summary>aᵢ = e^zᵢ / Σⱼ e^zⱼ. Last layer only, paired with <see cref="Loss.SoftmaxCrossEntropy"/>.</summary>
    [ActivationInfo("softmax(z)ᵢ = eᶻⁱ / Σⱼ eᶻʲ", "fused with the loss: δ = p − t", OutputOnly = true, OnnxOperator = "Softmax")]
    Softmax = 5,

    /// <summary>a = z·Φ(z) = ½z(1 + erf(z/√2)), the exact form (PyTorch's default); f′ = Φ(z) + z·φ(z).</summary>
    [ActivationInfo("z·Φ(z) = ½z(1 + erf(z/√2))", "Φ(z) + z·φ(z)", DerivativeNeedsInput = true, OnnxOperator = "Gelu")]
    GELU = 6,

    /// <summary>a = z·σ(z) (also called swish); f′ = σ(z)(1 + z(1 − σ(z))).</summary>
    [ActivationInfo("z·σ(z)", "σ(z)(1 + z(1 − σ(z)))", DerivativeNeedsInput = true, OnnxOperator = "Sigmoid", OnnxTimesInput = true)]
    SiLU = 7,

    /// <summary>a = z &gt; 0 ? z : eᶻ − 1 (α = 1); f′ = z &gt; 0 ? 1 : a + 1.</summary>
    [ActivationInfo("z > 0 ? z : eᶻ − 1", "a > 0 ? 1 : a + 1", OnnxOperator = "Elu", OnnxAlpha = 1f)]
    ELU = 8,

    /// <summary>a = ln(1 + eᶻ), computed as max(z, 0) + ln(1 + e^−|z|) so that it never overflows; f′ = σ(z).</summary>
    [ActivationInfo("ln(1 + eᶻ)", "σ(z)", DerivativeNeedsInput = true, OnnxOperator = "Softplus")]
    Softplus = 9,

    /// <summary>a = z·tanh(softplus(z)) (Misra, 2019); f′ = tanh(s) + z·σ(z)·(1 − tanh²(s)) with s = softplus(z).</summary>
    [ActivationInfo("z·tanh(ln(1 + eᶻ))", "tanh(s) + z·σ(z)(1 − tanh²(s)), s = ln(1 + eᶻ)", DerivativeNeedsInput = true, OnnxOperator = "Mish")]
    Mish = 10,
}
