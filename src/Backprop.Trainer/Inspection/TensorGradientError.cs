namespace Backprop.Inspection;

/// <summary>The gradient check of one parameter tensor: the worst relative error over its checked values, and where.</summary>
/// <param name="Layer">The layer's name.</param>
/// <param name="Tensor">The tensor's name, e.g. <c>Hidden.weight</c> (<see cref="TensorDescription.Name"/>).</param>
/// <param name="Role">What the tensor holds.</param>
/// <param name="Checked">How many of its values were checked.</param>
/// <param name="WorstRelativeError">|g − n| / max(|g|, |n|, <see cref="GradientCheckOptions.MinimumScale"/>) at the worst value.</param>
/// <param name="WorstIndex">That value's index within the tensor (row-major for weights).</param>
/// <param name="Analytic">The generated backward pass's gradient g there.</param>
/// <param name="Numeric">The finite-difference gradient n there.</param>
public sealed record TensorGradientError(string Layer, string Tensor, TensorRole Role, int Checked, double WorstRelativeError, int WorstIndex,
    double Analytic, double Numeric);
