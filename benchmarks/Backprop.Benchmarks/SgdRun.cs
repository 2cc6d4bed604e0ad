using Backprop.Kernels;

namespace Backprop.Benchmarks;

/// <summary>
/// The anchors' training loop over a generated network: plain SGD, mean gradient over the batch, last partial batch
/// kept, the anchors' batch order per epoch. Every buffer is allocated once; a step allocates nothing.
/// </summary>
public sealed class SgdRun<TNet> where TNet : INetwork<TNet>
{
    private readonly AnchorData _data;
    private readonly float[] _parameters, _gradients, _inputs, _targets, _workspace, _outputs;

    public SgdRun(AnchorData data)
    {
        _data = data;
        NetworkShape shape = TNet.Shape;
        if (data.InitialParameters.Length != shape.ParameterCount)
            throw new InvalidOperationException($"{data.Name}: {data.InitialParameters.Length} initial parameters for {shape}.");
        _parameters = new float[shape.ParameterCount];
        _gradients = new float[shape.ParameterCount];
        _inputs = new float[data.BatchSize * shape.InputCount];
        _targets = new float[data.BatchSize * shape.OutputCount];
        _workspace = new float[TNet.BatchWorkspaceSize(Math.Max(data.BatchSize, data.Rows))];
        _outputs = new float[data.Rows * shape.OutputCount];
    }

    public float[] Parameters => _parameters;

    /// <summary>Resets to the anchors' initial weights and trains for the workload's epochs.</summary>
    public void Train()
    {
        _data.InitialParameters.CopyTo(_parameters, 0);
        int inputs = TNet.Shape.InputCount, outputs = TNet.Shape.OutputCount, rows = _data.Rows, batch = _data.BatchSize;
        for (int epoch = 0; epoch < _data.Epochs; epoch++)
        {
            ReadOnlySpan<int> order = _data.Order is null ? default : _data.Order.AsSpan(epoch * rows, rows);
            for (int start = 0; start < rows; start += batch)
            {
                int count = Math.Min(batch, rows - start);
                if (order.IsEmpty)
                {
                    // No shuffling (W1): the batch is a contiguous block of rows.
                    _data.Inputs.AsSpan(start * inputs, count * inputs).CopyTo(_inputs);
                    _data.Targets.AsSpan(start * outputs, count * outputs).CopyTo(_targets);
                }
                else
                {
                    for (int r = 0; r < count; r++)
                    {
                        int row = order.IsEmpty ? start + r : order[start + r];
                        _data.Inputs.AsSpan(row * inputs, inputs).CopyTo(_inputs.AsSpan(r * inputs));
                        _data.Targets.AsSpan(row * outputs, outputs).CopyTo(_targets.AsSpan(r * outputs));
                    }
                }

                Array.Clear(_gradients);
                TNet.BackwardBatch(_parameters, _gradients, _inputs, _targets, count, 1f / count, _workspace);
                Vectors.Axpy(-_data.LearningRate, _gradients, _parameters);
            }
        }
    }

    /// <summary>Mean loss of the current weights over the whole training set (the anchors' final_loss).</summary>
    public double FinalLoss()
    {
        var scratch = new float[_gradients.Length];
        float sum = TNet.BackwardBatch(_parameters, scratch, _data.Inputs, _data.Targets, _data.Rows, 0f, _workspace);
        return (double)sum / _data.Rows;
    }
}
