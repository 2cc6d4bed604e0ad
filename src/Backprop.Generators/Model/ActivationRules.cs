using System.Collections.Generic;
using System.Reflection;

namespace Backprop.Generators.Model
{
    /// <summary>
    /// The <see cref="ActivationInfoAttribute"/> of each <see cref="Activation"/>, read from the runtime's own enum file that is
    /// compiled into the generator: the generator and the runtime share one table of activations.
    /// </summary>
    internal static class ActivationRules
    {
        private static readonly Dictionary<Activation, ActivationInfoAttribute> Table = Build();

        /// <summary>Whether <paramref name="value"/> is a declared activation.</summary>
        public static bool IsKnown(int value) => Table.ContainsKey((Activation)value);

        public static ActivationInfoAttribute Of(Activation activation) => Table[activation];

        public static string KnownNames => string.Join(", ", Table.Keys);

        private static Dictionary<Activation, ActivationInfoAttribute> Build()
        {
            var table = new Dictionary<Activation, ActivationInfoAttribute>();
            foreach (FieldInfo field in typeof(Activation).GetFields(BindingFlags.Public | BindingFlags.Static))
            {
                var info = (ActivationInfoAttribute?)field.GetCustomAttribute(typeof(ActivationInfoAttribute));
                if (info is not null) table[(Activation)field.GetValue(null)!] = info;
            }

            return table;
        }
    }
}
