namespace Backprop.Initialization;

/// <summary>How the trainer sets the weights before the first epoch. Biases always start at zero.</summary>
public enum InitializationScheme
{
    /// <summary>Xavier/Glorot for Identity, Sigmoid, Tanh and Softmax layers; He for ReLU and LeakyReLU layers.</summary>
    Auto = 0,

    /// <summary>Xavier/Glorot uniform: W ~ U(−√(6/(in + out)), +√(6/(in + out))).</summary>
    Xavier = 1,

    /// <summary>He (Kaiming) uniform: W ~ U(−√(6/in), +√(6/in)).</summary>
    He = 2,

    /// <summary>Keep the network's current parameters (continue training, or weights set by hand).</summary>
    None = 3,
}
