using System.Runtime.CompilerServices;
using Microsoft.ML;
using Microsoft.ML.Runtime;

namespace Backprop.MLNet.Internal;

/// <summary>
/// The one non-public access of this library at training time. ML.NET's trainer catalogs
/// (<c>mlContext.MulticlassClassification.Trainers</c>) hold the MLContext's environment behind the internal interface
/// <c>IInternalCatalog</c>; ML.NET's own trainers read it to log and to draw their seed from <c>new MLContext(seed)</c>.
/// We do the same through .NET's <see cref="UnsafeAccessorAttribute"/> (no reflection, checked at first call). Tested
/// by <c>CatalogEnvironmentTests</c>, which fails loudly if an ML.NET upgrade renames the member.
/// </summary>
internal static class CatalogEnvironment
{
    /// <summary>The environment of the MLContext that owns <paramref name="catalog"/>.</summary>
    /// <exception cref="InvalidOperationException">This ML.NET version no longer has the member (upgrade not supported).</exception>
    public static IHostEnvironment Of(TrainCatalogBase.CatalogInstantiatorBase catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        try
        {
            return GetEnvironment(catalog);
        }
        catch (MissingMethodException exception)
        {
            throw new InvalidOperationException(
                "This version of ML.NET no longer exposes the catalog's environment the way 5.0.x and 6.x do; Backprop.MLNet supports Microsoft.ML [5.0.1, 7.0). " +
                "Use the BackpropEstimator constructors with an MLContext instead.", exception);
        }
    }

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "Microsoft.ML.Data.IInternalCatalog.get_Environment")]
    private static extern IHostEnvironment GetEnvironment(TrainCatalogBase.CatalogInstantiatorBase catalog);
}
