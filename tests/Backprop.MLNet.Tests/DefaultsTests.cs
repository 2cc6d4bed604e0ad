using Backprop.Optimizers;
using Microsoft.ML;
using Microsoft.ML.Data;
using Xunit;
using Xunit.Abstractions;

namespace Backprop.MLNet.Tests;

/// <summary>A tabular regressor of the usual kind, declared without Inputs: ten or so features, one ReLU layer.</summary>
[Network(Loss = Loss.MeanSquaredError)]
public partial class TabularNet
{
    [Dense(32, Activation.ReLU)] public partial DenseLayer Hidden { get; }
    [Dense(1, Activation.Identity)] public partial DenseLayer Output { get; }
}

/// <summary>
/// Issue 14, "Defaults that learn": the trainers with no options at all, against ML.NET's SDCA on small noisy tabular
/// data with a label in the hundreds (features on their raw scales, as they come from a table).
/// </summary>
public class DefaultsTests(ITestOutputHelper output)
{
    public sealed class TableRow
    {
        [VectorType(FeatureCount)] public float[] Features { get; set; } = [];
        public float Label { get; set; }
    }

    private const int FeatureCount = 10;

    /// <summary>
    /// Ten features on raw scales (x_j = s_j·z, s_j from 1 to 50), label 300 + Σ w_j z_j (+ 25·z₀z₁ + 40·sin(2z₂) when
    /// nonlinear) + N(0, noise²): a label in the hundreds, a signal deviation of about 90.
    /// </summary>
    internal static List<TableRow> Table(int rows, double noise, bool nonlinear, int seed)
    {
        var random = new Random(seed);
        double[] weights = [40, -30, 25, 20, -15, 10, 8, -5, 0, 0];
        double[] scales = [1, 50, 3, 10, 0.5, 20, 1, 5, 2, 30];
        var table = new List<TableRow>(rows);
        for (int i = 0; i < rows; i++)
        {
            var z = new double[FeatureCount];
            for (int j = 0; j < FeatureCount; j++) z[j] = Gaussian(random);
            double y = 300 + z.Zip(weights, (a, w) => a * w).Sum() + noise * Gaussian(random);
            if (nonlinear) y += 25 * z[0] * z[1] + 40 * Math.Sin(2 * z[2]);
            table.Add(new TableRow { Features = z.Select((v, j) => (float)(v * scales[j])).ToArray(), Label = (float)y });
        }

        return table;
    }

    private static double Gaussian(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    /// <summary>R² on 2,000 fresh rows of a model trained on <paramref name="rows"/> rows.</summary>
    private static double RSquared(MLContext ml, IEstimator<ITransformer> trainer, int rows, double noise, bool nonlinear, int seed)
    {
        ITransformer model = ml.Transforms.NormalizeMeanVariance("Features").Append(trainer).Fit(ml.Data.LoadFromEnumerable(Table(rows, noise, nonlinear, seed)));
        return ml.Regression.Evaluate(model.Transform(ml.Data.LoadFromEnumerable(Table(2000, noise, nonlinear, seed + 1000)))).RSquared;
    }

    /// <summary>
    /// Linear tables of 200, 500 and 1,000 rows at noise 30 and 60 (R² ≈ 0.81 and 0.52 at best) within 0.01 R² of Sdca,
    /// means over 5 seeds; nonlinear tables beyond it. Measured with this recipe (Adam 3·10⁻³, every row, L2 60, the score
    /// rescaled), gap to Sdca: linear 0.002–0.008 (before: 0.013–0.035 with L2 30 and a 10 % hold-out with early
    /// stopping); nonlinear 300 rows noise 30 0.02 ahead, 200 rows noise 60 0.00 ahead (before: 0.045 ahead, 0.007 behind).
    /// </summary>
    [Theory]
    [InlineData(200, 30.0, false, 0.01)]
    [InlineData(500, 30.0, false, 0.01)]
    [InlineData(1000, 30.0, false, 0.01)]
    [InlineData(200, 60.0, false, 0.01)]
    [InlineData(500, 60.0, false, 0.01)]
    [InlineData(1000, 60.0, false, 0.01)]
    [InlineData(300, 30.0, true, -0.01)]
    [InlineData(1000, 30.0, true, -0.05)]
    public void Regression_with_no_options_learns_a_label_in_the_hundreds_near_or_beyond_Sdca(int rows, double noise, bool nonlinear, double allowedGap)
    {
        double ours = 0, sdca = 0;
        const int seeds = 5; // one seed's R² moves by ±0.02 on 200 rows; the mean of 3 by ±0.005
        for (int seed = 1; seed <= seeds; seed++)
        {
            var ml = new MLContext(seed);
            double r2 = RSquared(ml, ml.Regression.Trainers.Backprop<TabularNet>(), rows, noise, nonlinear, seed);
            Assert.True(double.IsFinite(r2) && r2 > 0.3, $"seed {seed}: R² {r2}");
            ours += r2 / seeds;
            sdca += RSquared(ml, ml.Regression.Trainers.Sdca(), rows, noise, nonlinear, seed) / seeds;
        }

        output.WriteLine($"{rows} rows, noise {noise}, {(nonlinear ? "nonlinear" : "linear")}: mean R² defaults {ours:F4}, Sdca {sdca:F4}, gap {sdca - ours:F4}");
        Assert.True(ours >= sdca - allowedGap, $"defaults {ours:F4} vs Sdca {sdca:F4}");
    }

    /// <summary>The default recipe's parts one at a time, on the hardest linear table (200 rows, noise 30): each part is needed.</summary>
    [Fact]
    public void Each_part_of_the_regression_recipe_closes_part_of_the_gap()
    {
        double Mean(Func<BackpropRegressionTrainer.Options> options)
        {
            double sum = 0;
            for (int seed = 1; seed <= 3; seed++)
            {
                var ml = new MLContext(seed);
                sum += RSquared(ml, ml.Regression.Trainers.Backprop<TabularNet>(options()), 200, 30, nonlinear: false, seed) / 3;
            }

            return sum;
        }

        double defaults = Mean(() => new());
        double unscaled = Mean(() => new() { RescaleScore = false });
        double weakL2 = Mean(() => new() { L2Regularization = 30f });
        output.WriteLine($"200 rows, noise 30: defaults {defaults:F4}, without rescaling {unscaled:F4}, with L2 30 {weakL2:F4}");
        Assert.True(defaults > unscaled + 0.005, $"rescaling: {defaults:F4} vs {unscaled:F4}");
        Assert.True(defaults > weakL2 + 0.003, $"L2 60: {defaults:F4} vs L2 30 {weakL2:F4}");
    }

    [Fact]
    public void Default_score_is_in_the_label_units_and_survives_save_and_load()
    {
        var ml = new MLContext(1);
        IDataView data = ml.Data.LoadFromEnumerable(Table(300, 30, nonlinear: false, seed: 1));
        var model = (BackpropTransformer)ml.Regression.Trainers.Backprop<TabularNet>().Fit(data);
        Assert.NotNull(model.LabelStandardizer);
        Assert.InRange(model.LabelStandardizer!.Mean[0], 280f, 320f);
        Assert.Equal(0, model.Model.History!.ValidationSamples); // below DefaultRegressionHoldOutMinimumRows every row trains
        Assert.Equal(100, model.Model.History.Epochs.Count);
        var stream = new MemoryStream();
        ml.Model.Save(model, data.Schema, stream);
        stream.Position = 0;
        ITransformer loaded = ml.Model.Load(stream, out _);
        float[] before = model.Transform(data).GetColumn<float>("Score").ToArray(), after = loaded.Transform(data).GetColumn<float>("Score").ToArray();
        Assert.Equal(before, after);
        Assert.InRange(before.Average(), 280f, 320f);
    }

    [Fact]
    public void An_explicit_rate_keeps_plain_SGD_and_the_raw_label()
    {
        var options = new BackpropRegressionTrainer.Options { LearningRate = 0.01f };
        Assert.False(options.UsesDefaultRecipe);
        Assert.Null(options.EarlyStoppingPatience);
        Assert.Equal(0f, options.ValidationFraction);
        Assert.False(options.StandardizesLabel);
        Assert.False(options.RescalesScore);
        Assert.Equal(0f, options.L2For(PredictionKind.Regression));
        Assert.Null(options.ToTrainingOptions(1, null).Optimizer);
        var defaults = new BackpropRegressionTrainer.Options();
        Assert.True(defaults.UsesDefaultRecipe);
        Assert.IsType<Adam>(defaults.ToTrainingOptions(1, null).Optimizer);
        Assert.Equal(BackpropTrainerOptions.DefaultAdamLearningRate, defaults.LearningRate);
        Assert.True(defaults.RescalesScore);
        Assert.Equal(BackpropTrainerOptions.DefaultRegressionL2, defaults.L2For(PredictionKind.Regression));
        Assert.Equal(0f, defaults.L2For(PredictionKind.MulticlassClassification));
    }
}
