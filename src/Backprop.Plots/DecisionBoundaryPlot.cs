using ScottPlot;

namespace Backprop.Plots;

/// <summary>
/// The decision boundary of a model with two inputs: its score evaluated over a grid that covers the training points,
/// as a filled colour map (class 0 blue, class 1 red, white at the threshold), the boundary line where the score crosses
/// the threshold, and the training points coloured by their class.
/// </summary>
public static class DecisionBoundaryPlot
{
    /// <summary>The colour of class 0 (score below the threshold).</summary>
    public static readonly Color Class0Color = Color.FromHex("#3b6fb6");

    /// <summary>The colour of class 1 (score at or above the threshold).</summary>
    public static readonly Color Class1Color = Color.FromHex("#c8403a");

    /// <summary>Draws a network's output over the plane of its two inputs.</summary>
    /// <param name="network">A network with two inputs; it is only run forward (<see cref="INetwork.Forward"/>).</param>
    /// <param name="inputs">The training points, one row of two inputs each.</param>
    /// <param name="targets">Their targets, one row each: one column (class 1 when ≥ 0.5) or one per class (the largest wins).</param>
    /// <param name="options">How to draw; null for the defaults.</param>
    /// <returns>A new plot.</returns>
    /// <exception cref="ArgumentException">The network does not take two inputs, the output index is past its outputs, or the arrays' shapes do not match.</exception>
    public static Plot Create(INetwork network, float[,] inputs, float[,] targets, DecisionBoundaryOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        options ??= new DecisionBoundaryOptions();
        NetworkShape shape = network.Shape;
        if (shape.InputCount != 2)
            throw new ArgumentException($"A decision boundary needs a network with 2 inputs; '{shape.Name}' takes {shape.InputCount}.", nameof(network));
        int output = options.OutputIndex ?? shape.OutputCount - 1;
        if (output >= shape.OutputCount)
            throw new ArgumentException($"OutputIndex {output} is past the {shape.OutputCount} outputs of '{shape.Name}'.", nameof(options));

        float[] input = new float[2], result = new float[shape.OutputCount];
        return Create((x1, x2) =>
        {
            input[0] = x1;
            input[1] = x2;
            network.Forward(input, result);
            return result[output];
        }, inputs, targets, options);
    }

    /// <summary>Draws any two-input score over the plane.</summary>
    /// <param name="score">The model: (x₁, x₂) → its score for class 1 (a probability, or any value compared with the threshold).</param>
    /// <param name="inputs">The training points, one row of two inputs each.</param>
    /// <param name="targets">Their targets, one row each: one column (class 1 when ≥ 0.5) or one per class (the largest wins).</param>
    /// <param name="options">How to draw; null for the defaults.</param>
    /// <returns>A new plot.</returns>
    /// <exception cref="ArgumentException">The arrays' shapes do not match, there are no points, or a point is not finite.</exception>
    public static Plot Create(Func<float, float, float> score, float[,] inputs, float[,] targets, DecisionBoundaryOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(score);
        int[] classes = Classes(inputs, targets);
        options ??= new DecisionBoundaryOptions();
        options.Validate();

        (double xMin, double xMax) = Span(inputs, 0, options.Margin);
        (double yMin, double yMax) = Span(inputs, 1, options.Margin);
        int n = options.Resolution;
        double dx = (xMax - xMin) / n, dy = (yMax - yMin) / n;

        // Cell centres; row 0 is the top of the map (largest x₂), as the heatmap draws it.
        var values = new double[n, n];
        var grid = new Coordinates3d[n, n];
        for (int row = 0; row < n; row++)
        {
            double y = yMax - (row + 0.5) * dy;
            for (int column = 0; column < n; column++)
            {
                double x = xMin + (column + 0.5) * dx;
                double z = score((float)x, (float)y);
                values[row, column] = z;
                grid[row, column] = new Coordinates3d(x, y, double.IsFinite(z) ? z : options.Threshold);
            }
        }

        Plot plot = HistoryPlots.NewPlot(options.Title, options.AxisLabels.X, options.AxisLabels.Y);
        var heatmap = plot.Add.Heatmap(values);
        heatmap.Extent = new CoordinateRect(xMin, xMax, yMin, yMax);
        heatmap.Colormap = new ScottPlot.Colormaps.CustomInterpolated([Class0Color, Colors.White, Class1Color]);
        heatmap.ManualRange = ColourRange(values, options.Threshold);
        heatmap.Opacity = 0.85;

        var boundary = plot.Add.ContourLines(grid, 1);
        boundary.ContourLineLevels = [options.Threshold];
        boundary.Update(grid);
        boundary.LineColor = Colors.Black;
        boundary.LineWidth = 1.5f;
        boundary.LabelStyle.IsVisible = false;

        var palette = new ScottPlot.Palettes.Category10();
        foreach (int c in classes.Distinct().Order())
        {
            Color color = c switch { 0 => Class0Color, 1 => Class1Color, _ => palette.GetColor(c) };
            var points = Enumerable.Range(0, classes.Length).Where(i => classes[i] == c)
                .Select(i => new Coordinates(inputs[i, 0], inputs[i, 1])).ToArray();
            var markers = plot.Add.Markers(points, MarkerShape.FilledCircle, 11, color);
            markers.MarkerStyle.OutlineColor = Colors.Black;
            markers.MarkerStyle.OutlineWidth = 1.5f;
            markers.LegendText = $"class {c}";
        }

        plot.Axes.SetLimits(xMin, xMax, yMin, yMax);
        plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }

    /// <summary>
    /// Colours symmetric about the threshold, so white marks it: [0, 1] for probabilities around 0.5, else the widest
    /// distance of a finite value from the threshold on either side.
    /// </summary>
    private static ScottPlot.Range ColourRange(double[,] values, double threshold)
    {
        double reach = 0;
        foreach (double v in values)
            if (double.IsFinite(v)) reach = Math.Max(reach, Math.Abs(v - threshold));
        if (threshold == 0.5 && reach <= 0.5) reach = 0.5;
        if (reach == 0) reach = 1;
        return new ScottPlot.Range(threshold - reach, threshold + reach);
    }

    private static (double Min, double Max) Span(float[,] inputs, int column, double margin)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        for (int i = 0; i < inputs.GetLength(0); i++)
        {
            min = Math.Min(min, inputs[i, column]);
            max = Math.Max(max, inputs[i, column]);
        }

        double span = max > min ? max - min : 1;
        return (min - margin * span, max + margin * span);
    }

    /// <summary>The class of each point: one target column means class 1 at ≥ 0.5; several, the index of the largest.</summary>
    private static int[] Classes(float[,] inputs, float[,] targets)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(targets);
        int rows = inputs.GetLength(0);
        if (inputs.GetLength(1) != 2)
            throw new ArgumentException($"The points must have 2 columns (x₁, x₂); these have {inputs.GetLength(1)}.", nameof(inputs));
        if (rows == 0) throw new ArgumentException("There are no points to draw.", nameof(inputs));
        if (targets.GetLength(0) != rows)
            throw new ArgumentException($"There are {rows} points but {targets.GetLength(0)} target rows.", nameof(targets));
        if (targets.GetLength(1) == 0) throw new ArgumentException("The targets have no columns.", nameof(targets));
        var classes = new int[rows];
        for (int i = 0; i < rows; i++)
        {
            if (!float.IsFinite(inputs[i, 0]) || !float.IsFinite(inputs[i, 1]))
                throw new ArgumentException($"Point {i} is ({inputs[i, 0]}, {inputs[i, 1]}); points must be finite.", nameof(inputs));
            if (targets.GetLength(1) == 1) classes[i] = targets[i, 0] >= 0.5f ? 1 : 0;
            else
                for (int j = 1; j < targets.GetLength(1); j++)
                    if (targets[i, j] > targets[i, classes[i]]) classes[i] = j;
        }

        return classes;
    }
}
