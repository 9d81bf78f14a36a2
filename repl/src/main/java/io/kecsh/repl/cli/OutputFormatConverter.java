package io.kecsh.repl.cli;

import io.kecsh.repl.output.OutputFormat;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --output table|json|text}, in any case; a wrong word says which ones there are. */
final class OutputFormatConverter implements ITypeConverter<OutputFormat> {
    @Override
    public OutputFormat convert(String value) {
        return OutputFormat.parse(value)
                .orElseThrow(() -> new TypeConversionException(
                        "'" + value + "' is not an output format (" + OutputFormat.names() + ")"));
    }
}
