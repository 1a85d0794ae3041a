export {
  type BradleyTerryFit,
  bradleyTerryCovariance,
  eloScale,
  fitBradleyTerry,
  gradient,
  logLikelihood,
} from "./bradley-terry";
export {
  DEFAULT_PRIOR,
  fitDawidSkene,
  NO_PRIOR,
  type TCoreFit,
  type TCoreObservation,
  type TCoreOptions,
  type TDirichletPrior,
} from "./dawid-skene";
export {
  aggregatePairwise,
  PAIRWISE_CLASSES,
  type TAggregationOptions,
  type TAnnotatorEstimate,
  type TItemEstimate,
  type TPairwiseAggregation,
  type TPairwiseClass,
  type TPairwiseItem,
  type TPairwiseJudgment,
} from "./pairwise";
export { seededRandom } from "./random";
export {
  aggregateRankings,
  type TPairPosterior,
  type TRanking,
  type TRankingAggregation,
  type TRankingEstimate,
  type TRankingItem,
  type TRankingJudgment,
} from "./ranking";
export { expectedConfidenceGain, pairInformationGain, type TBradleyTerryUncertainty } from "./selection";
