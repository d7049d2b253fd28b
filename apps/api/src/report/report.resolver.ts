import { Args, GraphQLISODateTime, ID, Query, registerEnumType, Resolver } from '@nestjs/graphql';
import { ReportService } from '@ledger/core';

export enum ReportFormatEnum {
  MD = 'md',
  HTML = 'html',
}
export enum ReportLangEnum {
  FR = 'fr',
  EN = 'en',
  AR = 'ar',
}
registerEnumType(ReportFormatEnum, { name: 'ReportFormat', description: 'MD: Markdown; HTML: a standalone page with inline SVG charts.' });
registerEnumType(ReportLangEnum, {
  name: 'ReportLang',
  description:
    'FR: the report\'s own wording; EN: English; AR: Arabic (Modern Standard, right-to-left HTML with lang="ar" dir="rtl"). Figures and dates are formatted for the language (Intl: fr-FR, en-GB, ar-MA).',
});

/** The self-assessment report, rebuilt from the ledger. */
@Resolver()
export class ReportResolver {
  constructor(private readonly reports: ReportService) {}

  @Query(() => String, {
    description:
      'The self-assessment report of a plan, rebuilt from the ledger with the structure of the published one (overall and per-axis rates, the commitment table, then each commitment). With `asOf`, as it would have been on that date.',
  })
  selfAssessmentReport(
    @Args('planId', { type: () => ID, description: 'The plan.' }) planId: string,
    @Args('asOf', { type: () => GraphQLISODateTime, nullable: true, description: 'Facts effective by this instant.' })
    asOf: Date | undefined,
    @Args('format', { type: () => ReportFormatEnum, defaultValue: ReportFormatEnum.MD, description: 'Markdown or HTML.' })
    format: ReportFormatEnum,
    @Args('lang', { type: () => ReportLangEnum, defaultValue: ReportLangEnum.FR, description: 'Language of the labels.' })
    lang: ReportLangEnum,
  ): Promise<string> {
    return this.reports.render({ planId, asOf: asOf?.toISOString(), format, lang });
  }
}
